using System.Text;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Sftp;

/// <summary>A real OpenSSH server and a database shared by the pull tests; each test works in its own folder and project.</summary>
public sealed class SftpPullFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public SshServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Database).InitializeAsync();
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Task<long> CreateProjectAsync() => new ImportTestKit(Database).CreateProjectAsync();

    /// <summary>A CSV of <paramref name="rows"/> distinct Russian mobile numbers from <paramref name="first"/> on.</summary>
    public static byte[] Csv(int rows, int first = 0)
    {
        var text = new StringBuilder("Телефон;Имя\n");
        for (var i = 0; i < rows; i++)
            text.Append("+7912").Append((first + i).ToString("D7")).Append(";Клиент ").Append(first + i).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public Task<T> ScalarAsync<T>(string sql) =>
        Database.ScalarAsync<T>(sql);

    public Task<long> NumbersAsync(long projectId) => ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {projectId}");

    public string Remote(string relativePath) => Path.Combine(Server.RemoteRoot, relativePath);
}
