package dev.tusk.libpq;

import java.util.Locale;

/** The authentication methods of pg_hba.conf that Tusk performs; the others parse but always fail. */
public enum HbaMethod {
    TRUST, REJECT, PASSWORD, MD5, SCRAM_SHA_256, UNSUPPORTED;

    /** The method named in the file, null when PostgreSQL does not know the name at all. */
    static HbaMethod byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trust" -> TRUST;
            case "reject" -> REJECT;
            case "password" -> PASSWORD;
            case "md5" -> MD5;
            case "scram-sha-256" -> SCRAM_SHA_256;
            case "gss", "sspi", "ident", "peer", "pam", "ldap", "radius", "cert", "bsd" -> UNSUPPORTED;
            default -> null;
        };
    }
}
