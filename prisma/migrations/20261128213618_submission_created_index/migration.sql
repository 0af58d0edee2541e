-- CreateIndex
CREATE INDEX "Submission_createdAt_idx" ON "Submission"("createdAt");
