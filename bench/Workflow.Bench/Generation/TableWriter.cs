using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Workflow.Bench.Generation;

/// <summary>One value ready to bind: null, an integer, a real, or UTF-8 text.</summary>
public readonly struct Cell
{
    public enum Kinds : byte { Null, Integer, Real, Text, Blob }

    public readonly Kinds Kind;
    public readonly long Integer;
    public readonly double Real;
    public readonly byte[]? Bytes;

    private Cell(Kinds kind, long integer = 0, double real = 0, byte[]? bytes = null) => (Kind, Integer, Real, Bytes) = (kind, integer, real, bytes);

    public static readonly Cell Null = new(Kinds.Null);

    public static Cell Of(long value) => new(Kinds.Integer, integer: value);

    public static Cell Of(double value) => new(Kinds.Real, real: value);

    public static Cell Of(string value) => new(Kinds.Text, bytes: Encoding.UTF8.GetBytes(value));

    public static Cell Blob(byte[] value) => new(Kinds.Blob, bytes: value);
}

/// <summary>
/// How entities of one type become rows, taken from the application's EF model: the table, its columns and every value
/// conversion, so the rows are what <c>SaveChanges</c> would write (UTC ticks for moments, enums by name, GUIDs as
/// upper-case text, dates as <c>yyyy-MM-dd</c>, lists as JSON). Converting is thread-safe: the threads that play the
/// plans convert their rows, and the one writer only binds them.
/// </summary>
/// <remarks>
/// Reading the model rather than naming columns keeps the generator right when a migration adds a column with a default
/// or an index: only a new property that the domain does not fill would need the generator taught.
/// </remarks>
public sealed class RowShape<T> where T : class
{
    private readonly (IClrPropertyGetter Getter, ValueConverter? Converter)[] _columns;

    public RowShape(DbContext model)
    {
        var entityType = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
        var columns = new List<(IClrPropertyGetter, ValueConverter?)>();
        var names = new List<string>();
        var types = new List<string>();
        foreach (var property in entityType.GetFlattenedProperties())
        {
            // an integer key the database numbers (journal, ledger, balances) is left to it, as EF leaves it
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && IsInteger(property.ClrType)) continue;
            columns.Add((property.GetGetter(), property.GetTypeMapping().Converter));
            names.Add(property.GetColumnName(store) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} has no column in {Table}."));
            // the store type without its facets ("character varying(20)" is a "character varying" to a binary COPY)
            var type = property.GetColumnType(store);
            types.Add(type.IndexOf('(') is var open and > 0 ? type[..open].TrimEnd() : type);
        }
        _columns = [.. columns];
        Columns = names;
        Types = types;
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each column's store type, as the model's database names it.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The row as provider values: what the model's converters make of the entity's properties.</summary>
    public object?[] Values(T entity)
    {
        var row = new object?[_columns.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var (getter, converter) = _columns[i];
            var value = getter.GetClrValueUsingContainingEntity(entity);
            row[i] = value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
        }
        return row;
    }

    public Cell[] Convert(T entity)
    {
        var values = Values(entity);
        var row = new Cell[values.Length];
        for (var i = 0; i < row.Length; i++) row[i] = CellOf(values[i], i);
        return row;
    }

    /// <summary>A provider value as Microsoft.Data.Sqlite binds it for EF's SQLite mappings.</summary>
    private static Cell CellOf(object? value, int column) => value switch
    {
        null => Cell.Null,
        string text => Cell.Of(text),
        long n => Cell.Of(n),
        int n => Cell.Of(n),
        short n => Cell.Of(n),
        bool b => Cell.Of(b ? 1 : 0),
        Guid g => Cell.Of(g.ToString().ToUpperInvariant()),
        DateOnly d => Cell.Of(d.ToString("yyyy\\-MM\\-dd", CultureInfo.InvariantCulture)),
        double d => Cell.Of(d),
        decimal d => Cell.Of(d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        byte[] bytes => Cell.Blob(bytes),
        Enum e => Cell.Of(System.Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{typeof(T).Name}: no binding for a {value.GetType().Name} (column {column}); teach the generator this type."),
    };

    private static bool IsInteger(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(long) || t == typeof(int) || t == typeof(short));
}

/// <summary>
/// Inserts converted rows into one table through one prepared statement on SQLite's own handle, binding by position:
/// binding by name, as ADO.NET parameters do, costs more than the insert itself. Runs inside whatever transaction the
/// connection has open.
/// </summary>
public sealed class TableWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly string _table;

    public TableWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns)
    {
        _table = table;
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Insert(Cell[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var cell = row[i];
            Check(cell.Kind switch
            {
                Cell.Kinds.Null => raw.sqlite3_bind_null(_statement, i + 1),
                Cell.Kinds.Integer => raw.sqlite3_bind_int64(_statement, i + 1, cell.Integer),
                Cell.Kinds.Real => raw.sqlite3_bind_double(_statement, i + 1, cell.Real),
                Cell.Kinds.Text => raw.sqlite3_bind_text(_statement, i + 1, cell.Bytes.AsSpan()),
                _ => raw.sqlite3_bind_blob(_statement, i + 1, cell.Bytes.AsSpan()),
            });
        }
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE) Check(result);
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new InvalidOperationException($"SQLite error {result} writing {_table}: {raw.sqlite3_errmsg(_db).utf8_to_string()}");
    }

    public void Dispose() => _statement.Dispose();
}
