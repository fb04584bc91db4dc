-- The issue a project card shows; null while it is a draft issue (issue 22, decision 024).
ALTER TABLE "ProjectItem" ADD COLUMN "issueUrl" TEXT;
