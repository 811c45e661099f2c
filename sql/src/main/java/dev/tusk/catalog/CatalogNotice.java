package dev.tusk.catalog;

/** A NOTICE a catalog change wants sent to the client, e.g. {@code drop cascades to view v}. */
public record CatalogNotice(String message, String detail) {
}
