package dev.tusk.tcop;

/**
 * One RowDescription field: name, source table OID and column number (0 when not a plain column), type OID,
 * typlen, typmod and the format code (0 text, 1 binary).
 */
public record ResultColumn(String name, int tableOid, short columnNumber, int typeOid, short typeLength,
                           int typeModifier, short format) {
    public ResultColumn withFormat(short newFormat) {
        return new ResultColumn(name, tableOid, columnNumber, typeOid, typeLength, typeModifier, newFormat);
    }
}
