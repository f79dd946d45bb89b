using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// Writes new entities with one multi-row INSERT per table, in one round trip where the provider can batch. For the
/// intake's group commit: EF saves row by row (an INSERT and its bookkeeping per row), which made storing a batch of
/// registrations cost more than everything else a registration does. Tables, columns and stored forms come from the
/// EF model, so this writes exactly the rows <c>SaveChanges</c> would; what it does not handle (owned or complex
/// types, shadow or computed columns) it refuses by name rather than write half.
/// </summary>
internal sealed class MultiRowInsert(OndermijningDbContext db)
{
    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    // Rows are written per entity type in the order each type first arrived. A graph is added principal first, so
    // every table comes after the tables its foreign keys point to.
    private readonly Dictionary<Type, List<object>> rows = [];

    /// <summary>Adds <paramref name="entity"/> and, through the model's navigations, the new entities that depend on it.</summary>
    public void AddGraph(object entity)
    {
        var table = TableOf(entity.GetType());
        Rows(table.Entity.ClrType).Add(entity);
        foreach (var navigation in table.Dependents)
        {
            switch (navigation.GetGetter().GetClrValueUsingContainingEntity(entity))
            {
                case null:
                    break;
                case System.Collections.IEnumerable many when navigation.IsCollection:
                    foreach (var dependent in many) AddGraph(dependent);
                    break;
                case var one:
                    AddGraph(one);
                    break;
            }
        }
    }

    /// <summary>
    /// Stores the rows in one transaction of their own, under the database's write rules (on SQLite: one writer at a
    /// time), so a batch is stored whole or not at all. Database errors arrive as <see cref="DbUpdateException"/>, as
    /// from SaveChanges.
    /// </summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.WriteAsync(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }, cancellationToken);

    private async Task ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var statements = rows.Select(r => TableOf(r.Key).Statement(r.Value, connection)).ToList();
        try
        {
            if (connection.CanCreateBatch)
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                batch.Timeout = db.Database.GetCommandTimeout() ?? batch.Timeout;
                foreach (var (sql, parameters) in statements)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    command.Parameters.AddRange(parameters);
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                foreach (var (sql, parameters) in statements)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
                    command.CommandText = sql;
                    command.Parameters.AddRange(parameters);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"Storing the new rows failed: {e.Message}", e);
        }
    }

    private List<object> Rows(Type type)
    {
        if (!rows.TryGetValue(type, out var list)) rows[type] = list = [];
        return list;
    }

    private Table TableOf(Type type) => Tables.GetOrAdd((db.Model, type), key => new Table(
        key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the engine's model."),
        db.GetService<ISqlGenerationHelper>()));

    private sealed class Table
    {
        private readonly IProperty[] columns;
        private readonly RelationalTypeMapping[] mappings;
        private readonly string insertInto;
        private readonly ConcurrentDictionary<int, string> sqlByRowCount = new();
        private readonly Func<int, string> parameterName;

        public Table(IEntityType entity, ISqlGenerationHelper sql)
        {
            Entity = entity;
            if (entity.GetComplexProperties().Any() || entity.IsOwned() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"A multi-row insert does not write owned or complex types ({entity.DisplayName()}).");
            // A database-numbered key is left to the database, as SaveChanges does for a new row.
            columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && IsInteger(p.ClrType))).ToArray();
            if (columns.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()) is { } unsupported)
                throw new NotSupportedException($"A multi-row insert cannot write {entity.DisplayName()}.{unsupported.Name}: it is a shadow or generated property.");
            mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToArray();
            Dependents = entity.GetNavigations().Where(n => !n.IsOnDependent).ToArray();
            insertInto = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
                $"({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) VALUES ";
            parameterName = i => sql.GenerateParameterNamePlaceholder($"p{i}");
        }

        public IEntityType Entity { get; }
        public INavigation[] Dependents { get; }

        public (string Sql, DbParameter[] Parameters) Statement(IReadOnlyList<object> entities, DbConnection connection)
        {
            // The type mappings make the parameters (and apply the value converters); a command of this connection is
            // their factory, the statement that runs them may be a batch command.
            using var factory = connection.CreateCommand();
            var parameters = new DbParameter[entities.Count * columns.Length];
            for (var row = 0; row < entities.Count; row++)
            {
                for (var column = 0; column < columns.Length; column++)
                {
                    var i = row * columns.Length + column;
                    var value = columns[column].GetGetter().GetClrValueUsingContainingEntity(entities[row]);
                    parameters[i] = mappings[column].CreateParameter(factory, $"p{i}", value, columns[column].IsNullable);
                }
            }
            return (sqlByRowCount.GetOrAdd(entities.Count, Sql), parameters);
        }

        private string Sql(int rowCount)
        {
            var sql = new StringBuilder(insertInto);
            for (var row = 0; row < rowCount; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Length; column++)
                    sql.Append(column == 0 ? "" : ", ").Append(parameterName(row * columns.Length + column));
                sql.Append(')');
            }
            return sql.ToString();
        }

        private static bool IsInteger(Type type) => type == typeof(long) || type == typeof(int);
    }
}
