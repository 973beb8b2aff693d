using Npgsql;

namespace CartStream.Warehouse.Tests;

/// <summary>A fresh database on the test PostgreSQL 15 (<c>CARTSTREAM_TEST_POSTGRES</c>, started by ./test.sh), dropped afterwards.</summary>
public sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name = $"cartstream_wh_{Guid.NewGuid():N}";

    private TemporaryPostgresDatabase(string admin)
    {
        _admin = admin;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name, Pooling = false }.ConnectionString;
    }

    /// <summary>Connection string of the new database.</summary>
    public string ConnectionString { get; }

    public static async Task<TemporaryPostgresDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var admin = Environment.GetEnvironmentVariable("CARTSTREAM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CARTSTREAM_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL 15.");
        var database = new TemporaryPostgresDatabase(admin);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database._name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return database;
    }

    public async Task<List<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
