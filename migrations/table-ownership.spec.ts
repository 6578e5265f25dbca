import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ownerOf, TABLE_OWNERS } from './table-owners';

/**
 * DESIGN §3: a context reads another's tables only through what the owner exports. This spec
 * reads every lib's source (not its specs) for the tables its SQL names and the entities it
 * imports from other libs, and fails on a table of another context; and on `libs/core`
 * importing a context or the migrations. (When it was first run, for issue 24, it found 12
 * files of tracking, reminders and notifications reading identity's, tracking's and audit's
 * tables, and core importing the migrations; all moved behind their owners since.)
 */

const ROOT = join(__dirname, '..');
const LIBS = join(ROOT, 'libs');

/** The keywords after which a statement names its tables (in any case, a list after FROM). */
const SQL_TABLE =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|USING)\s+(?:ONLY\s+)?((?:"?[a-z_][a-z0-9_]*"?\.)?"?[a-z_][a-z0-9_]*"?(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?(?:\s*,\s*(?:"?[a-z_][a-z0-9_]*"?\.)?"?[a-z_][a-z0-9_]*"?(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?)*)/gi;

/** The tables of a FROM list (`actions a, public.users u`): each name without schema or alias. */
function tablesOf(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim().split(/\s+/)[0].replace(/"/g, ''))
    .map((name) => name.slice(name.lastIndexOf('.') + 1).toLowerCase());
}

/** TypeORM calls whose first argument may be a table's name. */
const BUILDER_CALLS = new Set([
  'from',
  'into',
  'update',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'getRepository',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function contextOf(file: string): string {
  return relative(LIBS, file).split('/')[0];
}

interface Reading {
  /** Tables named by SQL or by a query builder call. */
  tables: Set<string>;
  /** Module specifiers imported, with the names imported from each. */
  imports: { from: string; names: string[] }[];
}

/** What one source file names: the tables in its strings and the modules it imports. */
export function read(text: string, fileName = 'file.ts'): Reading {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const tables = new Set<string>();
  const imports: Reading['imports'] = [];
  const sql = (literal: string) => {
    for (const match of literal.matchAll(SQL_TABLE)) {
      for (const table of tablesOf(match[1])) tables.add(table);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) sql(node.text);
    else if (ts.isTemplateExpression(node)) {
      sql([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? '));
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      BUILDER_CALLS.has(node.expression.name.text) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      tables.add(node.arguments[0].text);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
      imports.push({
        from: node.moduleSpecifier.text,
        names: names.map((element) => element.name.text),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { tables, imports };
}

/** The entity classes of each context (`…Entity`), by name. */
function entityOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(LIBS)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/export class (\w+Entity)\b/g)) {
      owners.set(match[1], contextOf(file));
    }
  }
  return owners;
}

/** Every crossing in libs: `<file>` → `<table>` or `<Entity>` of another context. */
function crossings(): Record<string, string[]> {
  const entities = entityOwners();
  const found: Record<string, string[]> = {};
  for (const file of sourceFiles(LIBS)) {
    const context = contextOf(file);
    const reading = read(readFileSync(file, 'utf8'), file);
    const foreign = [...reading.tables].filter((table) => {
      const owner = ownerOf(table);
      return owner !== undefined && owner !== context;
    });
    for (const { from, names } of reading.imports) {
      const lib = /^@app\/([a-z-]+)/.exec(from)?.[1];
      if (lib === undefined || lib === context) continue;
      for (const name of names) {
        if (entities.get(name) === lib) foreign.push(name);
      }
    }
    if (foreign.length > 0) found[relative(ROOT, file)] = [...new Set(foreign)].sort();
  }
  return found;
}

describe('each context owns its tables', () => {
  it('gives every table the migrations create exactly one owner', () => {
    const created = new Set<string>();
    for (const file of readdirSync(__dirname).filter((name) => /^\d+-.*\.ts$/.test(name))) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      for (const match of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g)) {
        created.add(match[1]);
      }
    }
    const owned = Object.values(TABLE_OWNERS).flat();
    expect(owned.length).toBe(new Set(owned).size);
    expect([...created].filter((table) => ownerOf(table) === undefined)).toEqual([]);
    expect(owned.filter((table) => table !== 'typeorm_migrations' && !created.has(table))).toEqual(
      [],
    );
  });

  it("names no other context's table in a lib's SQL or entity imports", () => {
    expect(crossings()).toEqual({});
  });

  it("names no table in the apps' code: they reach data through the libs", () => {
    const found: string[] = [];
    for (const app of ['api', 'worker']) {
      for (const file of sourceFiles(join(ROOT, 'apps', app, 'src'))) {
        const tables = [...read(readFileSync(file, 'utf8'), file).tables].filter(
          (table) => ownerOf(table) !== undefined,
        );
        if (tables.length > 0) found.push(`${relative(ROOT, file)}: ${tables.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps libs/core free of the contexts and of the migrations', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(LIBS, 'core', 'src'))) {
      for (const { from } of read(readFileSync(file, 'utf8'), file).imports) {
        const context = /^@app\/([a-z-]+)/.exec(from)?.[1];
        if ((context !== undefined && context !== 'core') || /(^|\/)migrations(\/|$)/.test(from)) {
          found.push(`${relative(ROOT, file)} → ${from}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  describe('reading a source file', () => {
    it('finds the tables of SQL in strings and templates, and of query builder calls', () => {
      const { tables } = read(
        [
          "const a = 'SELECT id FROM users u JOIN memberships m ON m.user_id = u.id';",
          'const b = `UPDATE "actions" SET x = ${1} WHERE id IN (SELECT id FROM comments)`;',
          "qb.innerJoin('tracks', 't', 't.id = a.track_id').from(Entity, 'e');",
          '// FROM programmes in a comment is no statement',
          "const c = 'Chosen from the list';",
          'const d = \'select 1 from webhook_deliveries w, public."users" u\';',
          "const e = 'DELETE FROM notifications n USING email_digests d';",
        ].join('\n'),
      );
      const known = [...tables].filter((table) => ownerOf(table) !== undefined);
      expect(known.sort()).toEqual([
        'actions',
        'comments',
        'email_digests',
        'memberships',
        'notifications',
        'tracks',
        'users',
        'webhook_deliveries',
      ]);
    });

    it('lists the names each import takes', () => {
      const { imports } = read("import { A, type B } from '@app/identity';\nimport x from 'y';");
      expect(imports).toEqual([
        { from: '@app/identity', names: ['A', 'B'] },
        { from: 'y', names: [] },
      ]);
    });
  });
});
