-- SQL rules changed in their source files

-- From lib/disclosures/sql/package-check.sql
-- The package's own last check: its COPY calls this for an included customer the rules would now
-- leave out (lib/disclosures/mutations/packages.ts), so a package is either exactly the included
-- customers, every one of them still allowed at that moment, or no package at all. Raised with its
-- own SQLSTATE so the app can tell it from any other failure, and parallel safe so the check runs in
-- the COPY's parallel workers instead of making the whole query serial.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.disclosure_item_changed(item uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 PARALLEL SAFE
AS $function$
BEGIN
  RAISE EXCEPTION 'disclosure item % is no longer allowed in its package', item USING ERRCODE = 'CRD01';
END
$function$;
