-- A TAG's GitHub project board and the portal items on it (issue 22 point 2).
CREATE TABLE "TagProject" (
    "tagId" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "statusFieldId" TEXT NOT NULL,
    "statusOptions" JSONB NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL,
    "linkedById" UUID,

    CONSTRAINT "TagProject_pkey" PRIMARY KEY ("tagId")
);

CREATE TABLE "ProjectItem" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "projectItemId" TEXT,
    "sentStatus" TEXT,

    CONSTRAINT "ProjectItem_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ProjectItem_projectItemId_key" ON "ProjectItem"("projectItemId");
CREATE INDEX "ProjectItem_itemId_idx" ON "ProjectItem"("itemId");
CREATE UNIQUE INDEX "ProjectItem_tagId_itemId_key" ON "ProjectItem"("tagId", "itemId");

ALTER TABLE "TagProject" ADD CONSTRAINT "TagProject_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectItem" ADD CONSTRAINT "ProjectItem_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "TagProject"("tagId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectItem" ADD CONSTRAINT "ProjectItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
