-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "heldOn" TIMESTAMPTZ(3) NOT NULL,
    "notesUrl" TEXT NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_tagId_heldOn_idx" ON "Meeting"("tagId", "heldOn");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
