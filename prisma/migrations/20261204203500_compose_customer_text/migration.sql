-- Names, addresses and organisations are stored composed (Unicode NFC): "ễ" as one letter, not e
-- followed by two combining marks (macOS files and some keyboards write it that way). Every input
-- path now composes text before it is stored; this composes what was stored before. Unicode
-- normalisation needs a UTF-8 database (a deployment on another encoding keeps its text as it is).
DO $$
BEGIN
  IF current_setting('server_encoding') = 'UTF8' THEN
    UPDATE "Customer" SET
      "fullName" = normalize("fullName", NFC),
      address = normalize(address, NFC),
      organization = normalize(organization, NFC)
    WHERE "fullName" IS NOT NFC NORMALIZED OR address IS NOT NFC NORMALIZED OR organization IS NOT NFC NORMALIZED;
  END IF;
END
$$;
