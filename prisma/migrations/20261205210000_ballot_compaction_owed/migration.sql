-- Dead ballot copies a compaction still owes (docs/security.md "At close"): the transaction that
-- deleted ballot rows (its xid8), so the compaction can wait for every snapshot older than it.
CREATE TABLE "BallotCompactionOwed" (
    "sinceXid" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BallotCompactionOwed_pkey" PRIMARY KEY ("sinceXid")
);
