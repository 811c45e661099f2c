package dev.tusk.commands;

import dev.tusk.catalog.RoleDesc;
import dev.tusk.catalog.ScramSecrets;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AlterRoleStmt;
import dev.tusk.nodes.CreateRoleStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DropRoleStmt;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.time.Instant;
import java.util.List;

/** CREATE/ALTER/DROP ROLE and USER (PostgreSQL's user.c). */
public final class RoleCommands {
    private RoleCommands() {
    }

    /** The role attributes a statement sets; null = not mentioned. */
    private static final class Attrs {
        Boolean superuser;
        Boolean createDb;
        Boolean createRole;
        Boolean canLogin;
        Boolean inherit;
        Boolean replication;
        Boolean bypassRls;
        Integer connLimit;
        boolean passwordGiven;
        String password;
    }

    public static String create(CommandContext ctx, CreateRoleStmt stmt) {
        RoleDesc me = ctx.catalog().role(ctx.userOid());
        Attrs a = parse(stmt.options());
        checkCreatePrivilege(me, a);
        if (stmt.role().startsWith("pg_")) {
            throw new TuskException(SqlState.RESERVED_NAME, "role name \"" + stmt.role() + "\" is reserved")
                    .withDetail("Role names starting with \"pg_\" are reserved.");
        }
        if (ctx.catalog().role(stmt.role()) != null) {
            throw new TuskException(SqlState.DUPLICATE_OBJECT, "role \"" + stmt.role() + "\" already exists");
        }
        boolean login = a.canLogin != null ? a.canLogin : stmt.stmtType() == CreateRoleStmt.Kind.USER;
        RoleDesc role = new RoleDesc(0, stmt.role(), bool(a.superuser), a.inherit == null || a.inherit,
                bool(a.createRole), bool(a.createDb), login, bool(a.replication), bool(a.bypassRls),
                a.connLimit == null ? -1 : a.connLimit, encrypt(ctx, a.password, stmt.role()), null);
        ctx.writer().createRole(role);
        return "CREATE ROLE";
    }

    public static String alter(CommandContext ctx, AlterRoleStmt stmt) {
        RoleDesc me = ctx.catalog().role(ctx.userOid());
        RoleDesc r = roleOf(ctx, stmt.role());
        Attrs a = parse(stmt.options());
        boolean onlyOwnPassword = r.oid() == me.oid() && a.superuser == null && a.createDb == null
                && a.createRole == null && a.canLogin == null && a.replication == null && a.bypassRls == null
                && a.connLimit == null && a.inherit == null;
        if (!me.superuser()) {
            if (r.superuser() || a.superuser != null || a.replication != null || a.bypassRls != null) {
                throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to alter superuser roles"
                        + " or change superuser attribute");
            }
            if (!me.createRole() && !onlyOwnPassword) {
                throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
            }
        }
        String password = a.passwordGiven ? encrypt(ctx, a.password, r.name()) : r.password();
        ctx.writer().alterRole(new RoleDesc(r.oid(), r.name(), a.superuser != null ? a.superuser : r.superuser(),
                a.inherit != null ? a.inherit : r.inherit(), a.createRole != null ? a.createRole : r.createRole(),
                a.createDb != null ? a.createDb : r.createDb(), a.canLogin != null ? a.canLogin : r.canLogin(),
                a.replication != null ? a.replication : r.replication(),
                a.bypassRls != null ? a.bypassRls : r.bypassRls(), a.connLimit != null ? a.connLimit : r.connLimit(),
                password, r.validUntil()));
        return "ALTER ROLE";
    }

    public static String drop(CommandContext ctx, DropRoleStmt stmt) {
        RoleDesc me = ctx.catalog().role(ctx.userOid());
        if (!me.superuser() && !me.createRole()) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to drop role");
        }
        for (RoleSpec spec : stmt.roles()) {
            RoleDesc r = ctx.catalog().role(spec.rolename());
            if (r == null) {
                if (stmt.missingOk()) {
                    ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                            "role \"" + spec.rolename() + "\" does not exist, skipping"));
                    continue;
                }
                throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + spec.rolename() + "\" does not exist");
            }
            if (r.oid() == ctx.userOid()) {
                throw new TuskException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (r.oid() == RoleDesc.BOOTSTRAP_SUPERUSER) {
                throw new TuskException(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (r.superuser() && !me.superuser()) {
                throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to drop superusers");
            }
            ctx.writer().dropRole(r.oid());
        }
        return "DROP ROLE";
    }

    static RoleDesc roleOf(CommandContext ctx, RoleSpec spec) {
        String name = switch (spec.roletype()) {
            case CURRENT_ROLE, CURRENT_USER, SESSION_USER -> ctx.userName();
            case PUBLIC -> throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"public\" does not exist");
            case CSTRING -> spec.rolename();
        };
        RoleDesc r = ctx.catalog().role(name);
        if (r == null) {
            throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return r;
    }

    private static void checkCreatePrivilege(RoleDesc me, Attrs a) {
        if (me.superuser()) {
            return;
        }
        if (bool(a.superuser)) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to create superusers");
        }
        if (!me.createRole()) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create role");
        }
    }

    /** PASSWORD as stored: already-encrypted secrets kept, others encrypted per password_encryption. */
    private static String encrypt(CommandContext ctx, String password, String roleName) {
        if (password == null) {
            return null;
        }
        if (password.startsWith("SCRAM-SHA-256$") || (password.startsWith("md5") && password.length() == 35)) {
            return password;
        }
        if (password.isEmpty()) {
            ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION, "empty string is not a valid password, "
                    + "clearing password"));
            return null;
        }
        return ScramSecrets.encodeFor(ctx.gucs().get("password_encryption"), password, roleName);
    }

    private static boolean bool(Boolean b) {
        return b != null && b;
    }

    private static Attrs parse(List<DefElem> options) {
        Attrs a = new Attrs();
        for (DefElem d : options) {
            Node arg = d.arg();
            switch (d.defname()) {
                case "superuser" -> a.superuser = flag(arg);
                case "createdb" -> a.createDb = flag(arg);
                case "createrole" -> a.createRole = flag(arg);
                case "canlogin" -> a.canLogin = flag(arg);
                case "inherit" -> a.inherit = flag(arg);
                case "isreplication" -> a.replication = flag(arg);
                case "bypassrls" -> a.bypassRls = flag(arg);
                case "connectionlimit" -> a.connLimit = (int) SequenceCommands.number(arg);
                case "password" -> {
                    a.passwordGiven = true;
                    a.password = arg instanceof AConst c && c.value() instanceof AConst.Literal.Str s ? s.value() : null;
                }
                default -> {
                }
            }
        }
        return a;
    }

    private static boolean flag(Node arg) {
        if (arg == null) {
            return true;
        }
        if (arg instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Bool b -> b.value();
                case AConst.Literal.Int i -> i.value() != 0;
                default -> true;
            };
        }
        return true;
    }

    static Instant never() {
        return null;
    }
}
