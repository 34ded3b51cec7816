using System.Net;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>The app's linker when an event cannot be linked.</summary>
public sealed class CallEventLinkerTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_event_that_cannot_be_linked_is_set_aside_and_the_others_are_linked()
    {
        var secret = await SoftPhoneKit.CreateSecretAsync(database);
        var project = (await ProjectSeeder.InsertAsync(database, "Linker", 1))[0];
        // One more attempt would pass the integer range: linking this number's call fails on its data, every time.
        await database.ScalarAsync<long>(
            $"INSERT INTO numbers (project_id, phone, attempts) VALUES ({project}, '+79990000101', 2147483647) RETURNING id");
        await database.ScalarAsync<long>($"INSERT INTO numbers (project_id, phone) VALUES ({project}, '+79990000102') RETURNING id");
        await using var app = await AppProcess.StartAsync(database.ConnectionString, AppFixture.AdminPassword);
        using var client = app.CreateClient();

        // In one request, so that they share a group: the group fails, then each is tried alone.
        var answer = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Batch([
            SoftPhoneKit.Event("poison-1", "+79990000101"), SoftPhoneKit.Event("good-1", "+79990000102")]), secret);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, await SoftPhoneKit.LinkedNumbersAsync(database, "good-1"));

        // Later events are not held up behind it.
        Assert.Equal(HttpStatusCode.OK, (await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event("good-2", "+79990000102"), secret)).StatusCode);
        Assert.Equal(1, await SoftPhoneKit.LinkedNumbersAsync(database, "good-2"));
        Assert.Equal(2, await database.ScalarAsync<int>("SELECT attempts FROM numbers WHERE phone = '+79990000102'"));

        // It stays waiting, where the SoftPhone page shows it, and its number is unchanged.
        Assert.True(await database.ScalarAsync<bool>("SELECT linked_numbers IS NULL FROM call_events WHERE event_id = 'poison-1'"));
        Assert.Equal(1, (await new CallEventQueries(database.DataSource).LinkBacklogAsync(100, CancellationToken.None)).Waiting);
        Assert.Equal(int.MaxValue, await database.ScalarAsync<int>("SELECT attempts FROM numbers WHERE phone = '+79990000101'"));
    }
}
