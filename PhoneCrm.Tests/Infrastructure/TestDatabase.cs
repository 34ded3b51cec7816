using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PhoneCrm.Data;
using PhoneCrm.Data.Migrations;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// A database of its own on the shared test cluster, so tests never see each other's rows.
/// Migrated databases are copied from crm_template, which is migrated once per run: a file copy is far
/// cheaper than replaying every script per test class. Use it as <c>IClassFixture&lt;TestDatabase&gt;</c>
/// (one migrated database per test class), or call <see cref="CreateAsync"/> / <see cref="CreateEmptyAsync"/>.
/// Disposing drops the database.
/// </summary>
public sealed partial class TestDatabase : IAsyncLifetime, IAsyncDisposable, IDbContextFactory<CrmDbContext>
{
    public const string TemplateName = "crm_template";

    private static readonly Lazy<Task<NpgsqlDataSource>> _maintenance =
        new(CreateMaintenanceDataSourceAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task> _template =
        new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    // PostgreSQL refuses CREATE DATABASE ... TEMPLATE while another session uses the template, and a
    // copy in progress counts; so copies are made one at a time.
    private static readonly SemaphoreSlim _templateGate = new(1, 1);

    private string? _name;
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;
    private DbContextOptions<CrmDbContext>? _contextOptions;
    private int _disposed;

    /// <summary>For xunit's IClassFixture; the database is made in InitializeAsync.</summary>
    public TestDatabase()
    {
    }

    private TestDatabase(string name, string connectionString)
    {
        Attach(name, connectionString);
    }

    public string Name => _name ?? throw NotInitialized();

    public string ConnectionString => _connectionString ?? throw NotInitialized();

    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    /// <summary>A database migrated to the latest script, copied from the template.</summary>
    public static async Task<TestDatabase> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var database = await CopyTemplateAsync(name, cancellationToken);
        return await OpenAsync(database, cancellationToken);
    }

    /// <summary>A database with no schema at all (not even schema_migrations), for migration tests.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string name, CancellationToken cancellationToken = default)
    {
        var database = UniqueName(name);
        var maintenance = await _maintenance.Value.WaitAsync(cancellationToken);
        // template0 never accepts connections, so copies of it need no serialising.
        await ExecuteAsync(maintenance, $"CREATE DATABASE \"{database}\" TEMPLATE template0", cancellationToken);
        return await OpenAsync(database, cancellationToken);
    }

    /// <summary>One context per operation, as the app does; dispose it.</summary>
    public CrmDbContext CreateContext() =>
        new(_contextOptions ?? throw NotInitialized());

    CrmDbContext IDbContextFactory<CrmDbContext>.CreateDbContext() => CreateContext();

    async Task IAsyncLifetime.InitializeAsync()
    {
        var database = await CopyTemplateAsync("fixture", CancellationToken.None);
        var server = await PostgresServer.GetSharedAsync();
        Attach(database, server.ConnectionString(database));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_name is null || Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        var maintenance = await _maintenance.Value;
        // FORCE ends sessions a test left open (an undisposed context, an app process still running).
        await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None);
    }

    /// <summary>The first column of the first row, as <typeparamref name="T"/> (default for NULL or no row).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() switch
        {
            null or DBNull => default!,
            T value => value,
            var other => (T)Convert.ChangeType(other, typeof(T)),
        };
    }

    public override string ToString() => _name ?? "(not created)";

    private void Attach(string name, string connectionString)
    {
        _name = name;
        _connectionString = connectionString;
        _dataSource = CrmDataSource.Create(connectionString);
        _contextOptions = new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(_dataSource).Options;
    }

    private static async Task<string> CopyTemplateAsync(string name, CancellationToken cancellationToken)
    {
        await _template.Value.WaitAsync(cancellationToken);
        var database = UniqueName(name);
        var maintenance = await _maintenance.Value.WaitAsync(cancellationToken);
        await _templateGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(maintenance, $"CREATE DATABASE \"{database}\" TEMPLATE {TemplateName}", cancellationToken);
        }
        finally
        {
            _templateGate.Release();
        }
        return database;
    }

    private static async Task<TestDatabase> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var server = await PostgresServer.GetSharedAsync().WaitAsync(cancellationToken);
        return new TestDatabase(database, server.ConnectionString(database));
    }

    private static async Task<NpgsqlDataSource> CreateMaintenanceDataSourceAsync()
    {
        var server = await PostgresServer.GetSharedAsync();
        return NpgsqlDataSource.Create(server.ConnectionString("postgres"));
    }

    private static async Task CreateTemplateAsync()
    {
        var server = await PostgresServer.GetSharedAsync();
        var maintenance = await _maintenance.Value;
        await ExecuteAsync(maintenance, $"CREATE DATABASE {TemplateName} TEMPLATE template0", CancellationToken.None);
        // Its own data source, disposed before the first copy: pooled idle connections to the template
        // would make every CREATE DATABASE ... TEMPLATE fail.
        await using (var templateSource = NpgsqlDataSource.Create(server.ConnectionString(TemplateName)))
            await new MigrationRunner(templateSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        // No one may connect to it by mistake and so break the copies.
        await ExecuteAsync(maintenance, $"ALTER DATABASE {TemplateName} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
            CancellationToken.None);
    }

    private static string UniqueName(string name)
    {
        // Identifiers stop at 63 bytes; keep the caller's name readable in pg_database and unique by suffix.
        var readable = NotIdentifierCharacters().Replace(name.ToLowerInvariant(), "_");
        if (readable.Length > 40)
            readable = readable[..40];
        return $"test_{readable}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static InvalidOperationException NotInitialized() =>
        new("The test database is not created yet: use TestDatabase.CreateAsync or IClassFixture<TestDatabase>.");

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();
}
