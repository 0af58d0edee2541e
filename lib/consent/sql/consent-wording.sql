-- The consent wording shown for a purpose; lib/consent/wording.ts is its TypeScript twin (tests/rules-agree.test.ts).
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.consent_wording(label_vi text, description_vi text, label_en text, description_en text, locale "Locale")
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT CASE WHEN locale = 'en' THEN label_en || ': ' || description_en ELSE label_vi || ': ' || description_vi END
$function$;
