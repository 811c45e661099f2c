package dev.tusk.catalog;

/** pg_encoding_to_char / pg_char_to_encoding over PostgreSQL's encoding numbers (pg_wchar.h). */
final class Encodings {
    private static final String[] NAMES = {"SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004",
        "UTF8", "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8",
        "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5",
        "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U",
        "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "SHIFT_JIS_2004"};

    private Encodings() {
    }

    /** The encoding's name, or the empty string for an invalid number (as pg_encoding_to_char returns). */
    static String name(int id) {
        return id >= 0 && id < NAMES.length ? NAMES[id] : "";
    }

    /** The encoding's number, -1 when unknown. */
    static int id(String name) {
        String n = name.replace("-", "").replace("_", "").toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].replace("_", "").equals(n)) {
                return i;
            }
        }
        return n.equals("UNICODE") ? 6 : -1;
    }
}
