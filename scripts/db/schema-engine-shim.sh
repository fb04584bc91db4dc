#!/bin/sh
echo "TAG Portal runs migrations with scripts/db (npm run db:migrate); this engine shim does not serve the Prisma CLI." >&2
exit 1
