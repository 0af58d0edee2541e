-- AlterEnum
ALTER TYPE "ConsentAction" ADD VALUE 'LAPSED';

-- AlterEnum
ALTER TYPE "ConsentSource" ADD VALUE 'SYSTEM';
