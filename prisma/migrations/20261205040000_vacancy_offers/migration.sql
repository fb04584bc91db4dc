-- Vacancy offers to runners-up (issue 20 point 6): additive, a new table only.
CREATE TABLE "VacancyOffer" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "vacatedId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "offeredAt" TIMESTAMPTZ(3) NOT NULL,
    "respondBy" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "seatId" UUID,

    CONSTRAINT "VacancyOffer_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "VacancyOffer_vacatedId_userId_key" ON "VacancyOffer"("vacatedId", "userId");
CREATE INDEX "VacancyOffer_status_respondBy_idx" ON "VacancyOffer"("status", "respondBy");
CREATE INDEX "VacancyOffer_electionId_idx" ON "VacancyOffer"("electionId");

ALTER TABLE "VacancyOffer" ADD CONSTRAINT "VacancyOffer_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;
