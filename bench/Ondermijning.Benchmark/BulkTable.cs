using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>One row for <see cref="Table"/>, its values in the table's column order and already in stored form.</summary>
public readonly record struct BulkRow(BulkTable Table, object?[] Values);

/// <summary>
/// A table as the engine's EF model maps it on one provider: which columns a bulk load writes, in which order, and how
/// a model value (a <c>CaseId</c>, an <c>Instant</c>, an enum) is stored there. Read from the model rather than listed
/// by hand, so a column added to an entity cannot be forgotten: a row that leaves a NOT NULL column empty is refused.
/// </summary>
public sealed class BulkTable
{
    private readonly Dictionary<string, int> _positions;
    private readonly Func<object, object>[] _toStore;
    private readonly bool[] _required;

    private BulkTable(IEntityType entity, StorageProvider provider)
    {
        Name = entity.GetTableName()!;
        EntityType = entity.ClrType;
        // Integer keys are numbered by the database (identity or rowid), as when the engine saves.
        var properties = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .ToList();
        Properties = properties.Select(p => p.Name).ToList();
        Columns = properties.Select(p => p.GetColumnName()).ToList();
        _positions = properties.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i);
        _required = properties.Select(p => !p.IsColumnNullable()).ToArray();
        _toStore = properties.Select(p => ToStore(p.GetTypeMapping().Converter, provider)).ToArray();
    }

    public string Name { get; }
    public Type EntityType { get; }
    /// <summary>The entity's property names, in column order.</summary>
    public IReadOnlyList<string> Properties { get; }
    public IReadOnlyList<string> Columns { get; }

    public static BulkTable For<T>(OndermijningDbContext db, StorageProvider provider) =>
        new(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the engine's model."), provider);

    /// <summary>A row from model values by property name; every NOT NULL column must be given.</summary>
    public BulkRow Row(params (string Property, object? Value)[] values)
    {
        var row = new object?[_toStore.Length];
        foreach (var (property, value) in values)
        {
            if (!_positions.TryGetValue(property, out var i))
                throw new InvalidOperationException($"{Name} has no column for property {property}.");
            row[i] = value is null ? null : _toStore[i](value);
        }
        for (var i = 0; i < row.Length; i++)
            if (_required[i] && row[i] is null)
                throw new InvalidOperationException($"The bulk load leaves NOT NULL column {Name}.{Columns[i]} empty.");
        return new BulkRow(this, row);
    }

    /// <summary>
    /// The model's own converter (strongly typed ids, enums as text, NodaTime on SQLite), then what EF Core's provider
    /// does when it binds the value: SQLite keeps a Guid as upper-case text, not the blob Microsoft.Data.Sqlite would write.
    /// </summary>
    private static Func<object, object> ToStore(ValueConverter? converter, StorageProvider provider)
    {
        Func<object, object> convert = converter is null ? v => v : v => converter.ConvertToProvider(v)!;
        if (provider != StorageProvider.Sqlite) return convert;
        return v =>
        {
            var stored = convert(v);
            return stored is Guid guid ? guid.ToString().ToUpperInvariant() : stored;
        };
    }
}
