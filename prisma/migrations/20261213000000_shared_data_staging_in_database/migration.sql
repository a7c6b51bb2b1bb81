-- Shared-data uploads and confirmed files in the database instead of a server's disk, so that
-- several portal servers can take the chunks of one upload (docs/decisions/034).
CREATE TABLE "SharedDataUpload" (
    "id" CHAR(32) NOT NULL,
    "userId" TEXT NOT NULL,
    "source" "SharedDataSource" NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SharedDataUpload_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SharedDataUpload_createdAt_idx" ON "SharedDataUpload"("createdAt");

CREATE TABLE "SharedDataUploadChunk" (
    "uploadId" CHAR(32) NOT NULL,
    "offset" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "SharedDataUploadChunk_pkey" PRIMARY KEY ("uploadId", "offset")
);
ALTER TABLE "SharedDataUploadChunk" ADD CONSTRAINT "SharedDataUploadChunk_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "SharedDataUpload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SharedDataBatchFile" (
    "batchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "SharedDataBatchFile_pkey" PRIMARY KEY ("batchId")
);
ALTER TABLE "SharedDataBatchFile" ADD CONSTRAINT "SharedDataBatchFile_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SharedDataImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
