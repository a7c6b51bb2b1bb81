-- Shared-data upload chunks are stored encrypted; their plain length is kept beside (docs/decisions/037).
ALTER TABLE "SharedDataUploadChunk" ADD COLUMN "size" INTEGER;
