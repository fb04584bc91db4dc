-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "bodySha256" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_bodySha256_key" ON "WebhookDelivery"("bodySha256");
