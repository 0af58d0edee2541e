-- How the register's search reads names: accents and đ folded, and the words of the name, organisation and email for the word index.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).
-- Both feed stored values: after changing either, the migration must also recompute them — rewrite
-- the "searchWords" column (e.g. drop and add it again) and REINDEX the indexes on immutable_unaccent.

CREATE OR REPLACE FUNCTION public.immutable_unaccent(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, $1)), 'đ', 'd') $function$;

CREATE OR REPLACE FUNCTION public.customer_search_words(name text, organization text, email text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT to_tsvector('simple'::regconfig, public.immutable_unaccent(concat_ws(' ', name, organization, translate(email, '.@_-+', '     ')))) $function$;
