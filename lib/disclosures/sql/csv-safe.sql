-- Cells that a spreadsheet would run as a formula are defused; lib/csv.ts is the TypeScript twin.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.csv_safe(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT CASE WHEN $1 ~ '^[=+\-@\t\r]' THEN '''' || $1 ELSE $1 END $function$;
