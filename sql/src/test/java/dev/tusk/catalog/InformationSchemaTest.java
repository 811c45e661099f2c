package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.parser.Parser;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InformationSchemaTest extends CatalogClusterTest {
    @Test
    void initdbCreatesTheSchemaItsViewsAndFunctions() {
        try (Transaction tx = cluster.begin()) {
            Catalog cat = cluster.catalog(tx);
            NamespaceDesc ns = cat.namespace("information_schema");
            assertNotNull(ns);
            assertEquals(InformationSchema.NAMESPACE, ns.oid());
            for (String v : List.of("schemata", "tables", "columns", "views", "table_constraints",
                    "key_column_usage", "referential_constraints", "sequences", "check_constraints",
                    "constraint_column_usage", "information_schema_catalog_name")) {
                RelationDesc r = cat.relation(ns.oid(), v);
                assertNotNull(r, v);
                assertEquals('v', r.relkind());
                List<RawStmt> stmts = Parser.parse(r.viewDefinition());
                assertEquals(1, stmts.size(), v);
                assertTrue(stmts.getFirst().stmt() instanceof SelectStmt, v);
            }
            // Column names and order as in PostgreSQL 15 (spot checks), typed with the domains' base types.
            RelationDesc columns = cat.relation(ns.oid(), "columns");
            assertEquals(44, columns.liveColumns().size());
            assertEquals("table_catalog", columns.liveColumns().getFirst().name());
            assertEquals(TypeOids.NAME, columns.column("column_name").typeOid());
            assertEquals(TypeOids.INT4, columns.column("ordinal_position").typeOid());
            assertEquals(TypeOids.VARCHAR, columns.column("is_nullable").typeOid());
            assertEquals("is_updatable", columns.liveColumns().getLast().name());
            // Not visible along the default search path, like in PostgreSQL.
            assertNull(cat.lookupRelation(List.of("columns"), CatalogTestCluster.PATH));
            assertEquals(columns.oid(),
                    cat.resolveRelation(List.of("information_schema", "columns"), CatalogTestCluster.PATH).oid());

            ProcDesc expand = cat.function(InformationSchemaFunctions.PG_EXPANDARRAY);
            assertEquals("_pg_expandarray", expand.name());
            assertEquals(InformationSchema.NAMESPACE, expand.namespaceOid());
            assertTrue(expand.returnsSet());
            assertEquals(TypeOids.RECORD, expand.returnType());
            assertEquals(List.of("x", "n"), ProcOutParams.of(expand.oid()).names());
            assertEquals(TypeOids.NAME, cat.lookupType(List.of("information_schema", "sql_identifier"),
                    CatalogTestCluster.PATH).oid());
        }
    }

    @Test
    void expandArrayReturnsElementsWithTheirPositions() {
        FunctionDef f = FunctionRegistry.builtin().byOid(InformationSchemaFunctions.PG_EXPANDARRAY).orElseThrow();
        Iterator<Object> it = f.setImpl().invoke(null, new int[] {TypeOids.INT2_ARRAY},
                new Object[] {new ArrayValue(TypeOids.INT2, List.of((short) 3, (short) 1))});
        List<String> rows = new ArrayList<>();
        it.forEachRemaining(r -> rows.add(Arrays.toString((Object[]) r)));
        assertEquals(List.of("[3, 1]", "[1, 2]"), rows);
    }

    @Test
    void typmodDecodersMatchPostgres() {
        int numeric10x2 = ((10 << 16) | 2) + 4;
        assertEquals(10, InformationSchemaFunctions.numericPrecision(TypeOids.NUMERIC, numeric10x2));
        assertEquals(2, InformationSchemaFunctions.numericScale(TypeOids.NUMERIC, numeric10x2));
        assertNull(InformationSchemaFunctions.numericPrecision(TypeOids.NUMERIC, -1));
        assertEquals(32, InformationSchemaFunctions.numericPrecision(TypeOids.INT4, -1));
        assertEquals(40, InformationSchemaFunctions.charMaxLength(TypeOids.VARCHAR, 44));
        assertEquals(160, InformationSchemaFunctions.charOctetLength(TypeOids.VARCHAR, 44));
        assertEquals(1 << 30, InformationSchemaFunctions.charOctetLength(TypeOids.TEXT, -1));
        assertEquals(6, InformationSchemaFunctions.datetimePrecision(TypeOids.TIMESTAMPTZ, -1));
        assertEquals(3, InformationSchemaFunctions.datetimePrecision(TypeOids.TIMESTAMP, 3));
        assertNull(InformationSchemaFunctions.intervalType(TypeOids.INTERVAL, -1));
    }
}
