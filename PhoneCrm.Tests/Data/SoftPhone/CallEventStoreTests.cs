using Npgsql;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.SoftPhone;

/// <summary>Storing call events and what they do to numbers, against a real PostgreSQL.</summary>
public sealed class CallEventStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly CallEventStore _store = new(database.DataSource);
    private static int _phones;

    private static string NewPhone() => $"+7917{Interlocked.Increment(ref _phones) + 1_000_000:D7}";

    private static CallEvent Event(string phone, CallEventType type = CallEventType.Ended, long? projectId = null,
        string? result = null, DateTimeOffset? startedAt = null, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString(), type, CallDirection.Outbound, phone, phone, "op-7", projectId,
            startedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5), 42, result, null);

    private async Task<long> AddNumberAsync(long projectId, string phone)
    {
        await using var command = database.DataSource.CreateCommand(
            $"INSERT INTO numbers (project_id, phone) VALUES ({projectId}, '{phone}') RETURNING id");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<T> ScalarAsync<T>(string sql) =>
        database.ScalarAsync<T>(sql);

    /// <summary>What the webhook and then the linker do: store the events, then link everything waiting.</summary>
    private async Task<(CallIngestResult Stored, CallLinkResult Linked)> IngestAsync(params CallEvent[] events)
    {
        var stored = CallEventStore.Summarize(await _store.AcceptAsync(events, CancellationToken.None));
        return (stored, await _store.LinkAllPendingAsync(1000, CancellationToken.None));
    }

    [Fact]
    public async Task An_event_for_a_phone_in_three_projects_links_all_three_and_counts_an_attempt_in_each()
    {
        var projects = await ProjectSeeder.InsertAsync(database, "Three " + Guid.NewGuid().ToString("N")[..6], 3);
        var phone = NewPhone();
        foreach (var project in projects)
            await AddNumberAsync(project, phone);

        var result = await IngestAsync(Event(phone));

        Assert.Equal((new CallIngestResult(1, 1, 0), new CallLinkResult(1, 3, 0)), result);
        Assert.Equal(3L, await ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE phone = '{phone}' AND attempts = 1 AND last_call_at IS NOT NULL"));
        Assert.Equal(3L, await ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = 'system:softphone' AND action = 'call_event' AND entity_id IN (SELECT id::text FROM numbers WHERE phone = '{phone}')"));
    }

    [Fact]
    public async Task Events_reaching_more_projects_than_a_custom_plan_covers_are_all_linked_and_counted()
    {
        // Past PrunedPlans.CustomPlanMaxProjects the statement runs on the generic plan: the same result is expected.
        var projects = await ProjectSeeder.InsertAsync(database, "Many " + Guid.NewGuid().ToString("N")[..6],
            PhoneCrm.Data.Common.PrunedPlans.CustomPlanMaxProjects + 4);
        var phones = new List<string>();
        foreach (var project in projects)
        {
            var phone = NewPhone();
            await AddNumberAsync(project, phone);
            phones.Add(phone);
        }

        var result = await IngestAsync([.. phones.Select(phone => Event(phone, result: "sale"))]);

        Assert.Equal(new CallLinkResult(projects.Count, projects.Count, 0), result.Linked);
        var list = string.Join(",", phones.Select(phone => $"'{phone}'"));
        Assert.Equal((long)projects.Count, await ScalarAsync<long>(
            $"SELECT count(*) FROM numbers WHERE phone IN ({list}) AND attempts = 1 AND status = {(int)NumberStatus.Converted}"));
    }

    [Fact]
    public async Task An_event_naming_a_project_links_only_that_project()
    {
        var projects = await ProjectSeeder.InsertAsync(database, "Named " + Guid.NewGuid().ToString("N")[..6], 2);
        var phone = NewPhone();
        var wanted = await AddNumberAsync(projects[1], phone);
        await AddNumberAsync(projects[0], phone);

        var result = await IngestAsync(Event(phone, projectId: projects[1]));

        Assert.Equal(1, result.Linked.Links);
        Assert.Equal(wanted, await ScalarAsync<long>($"SELECT number_id FROM call_links l JOIN call_events e ON e.id = l.call_event_id WHERE e.phone = '{phone}'"));
        Assert.Equal(0, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE project_id = {projects[0]} AND phone = '{phone}'"));
    }

    [Fact]
    public async Task An_unmatched_event_is_kept_and_a_replay_changes_nothing()
    {
        var phone = NewPhone();
        var unmatched = Event(phone);

        Assert.Equal((new CallIngestResult(1, 1, 0), new CallLinkResult(1, 0, 1)), await IngestAsync(unmatched));
        Assert.Equal((new CallIngestResult(1, 0, 1), new CallLinkResult(0, 0, 0)), await IngestAsync(unmatched));

        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM call_events WHERE phone = '{phone}' AND linked_numbers = 0"));
        var listed = await new CallEventQueries(database.DataSource).UnmatchedAsync(null, 500, CancellationToken.None);
        Assert.Contains(listed, c => c.EventId == unmatched.EventId);
    }

    [Fact]
    public async Task An_accepted_event_waits_unlinked_and_is_not_listed_as_unmatched_until_linked()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Waiting " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phone = NewPhone();
        var number = await AddNumberAsync(project, phone);
        var unmatched = Event(NewPhone());

        var stored = await _store.AcceptAsync([Event(phone), unmatched], CancellationToken.None);
        Assert.Equal([true, true], stored);

        Assert.Equal(2L, await ScalarAsync<long>($"SELECT count(*) FROM call_events WHERE phone IN ('{phone}', '{unmatched.Phone}') AND linked_numbers IS NULL"));
        Assert.Equal(0, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
        var queries = new CallEventQueries(database.DataSource);
        Assert.DoesNotContain(await queries.UnmatchedAsync(null, 500, CancellationToken.None), c => c.EventId == unmatched.EventId);
        var backlog = await queries.LinkBacklogAsync(1000, CancellationToken.None);
        Assert.Equal(2, backlog.Waiting);
        Assert.InRange(backlog.OldestReceivedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(new CallLinkResult(2, 1, 1), await _store.LinkAllPendingAsync(1000, CancellationToken.None));
        Assert.Equal(new CallLinkBacklog(0, null), await queries.LinkBacklogAsync(1000, CancellationToken.None));
        Assert.Equal(1, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
        Assert.Contains(await queries.UnmatchedAsync(null, 500, CancellationToken.None), c => c.EventId == unmatched.EventId);
    }

    [Fact]
    public async Task Linkers_running_at_once_link_every_waiting_event_exactly_once()
    {
        // As two instances' linkers do: each takes waiting events the other has not locked.
        var project = (await ProjectSeeder.InsertAsync(database, "Linkers " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phones = Enumerable.Range(0, 20).Select(_ => NewPhone()).ToList();
        foreach (var phone in phones)
            await AddNumberAsync(project, phone);
        var events = Enumerable.Range(0, 400).Select(i => Event(phones[i % phones.Count])).ToList();
        foreach (var batch in events.Chunk(50))
            await _store.AcceptAsync(batch, CancellationToken.None);

        var linkers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var done = new CallLinkResult(0, 0, 0);
            while (await _store.LinkPendingAsync(30, [], CancellationToken.None) is { Events: > 0 } group)
                done += group;
            return done;
        })));

        Assert.Equal(400, linkers.Sum(l => l.Events));
        Assert.Equal(400, linkers.Sum(l => l.Links));
        var list = string.Join(",", phones.Select(phone => $"'{phone}'"));
        Assert.Equal(400L, await ScalarAsync<long>($"SELECT count(*) FROM call_links WHERE project_id = {project}"));
        Assert.Equal(400L, await ScalarAsync<long>($"SELECT sum(attempts) FROM numbers WHERE project_id = {project} AND phone IN ({list})"));
    }

    [Fact]
    public async Task A_mapped_result_sets_the_status_but_converted_numbers_and_late_events_keep_theirs()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Status " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phone = NewPhone();
        var number = await AddNumberAsync(project, phone);
        var now = DateTimeOffset.UtcNow;

        await IngestAsync(Event(phone, result: "callback", startedAt: now.AddMinutes(-10)));
        Assert.Equal((short)NumberStatus.Callback, await ScalarAsync<short>($"SELECT status FROM numbers WHERE id = {number}"));

        // Late: older than the last call, so it does not overwrite the newer call's outcome.
        await IngestAsync(Event(phone, result: "no_answer", startedAt: now.AddMinutes(-30)));
        Assert.Equal((short)NumberStatus.Callback, await ScalarAsync<short>($"SELECT status FROM numbers WHERE id = {number}"));

        await IngestAsync(Event(phone, result: "SALE", startedAt: now.AddMinutes(-5)));
        Assert.Equal((short)NumberStatus.Converted, await ScalarAsync<short>($"SELECT status FROM numbers WHERE id = {number}"));
        Assert.True(await ScalarAsync<bool>($"SELECT converted_at IS NOT NULL FROM numbers WHERE id = {number}"));

        // Converted is final for calls: only a person changes it.
        await IngestAsync(Event(phone, type: CallEventType.Missed, startedAt: now.AddMinutes(-1)));
        Assert.Equal((short)NumberStatus.Converted, await ScalarAsync<short>($"SELECT status FROM numbers WHERE id = {number}"));
        Assert.Equal(4, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
        Assert.Equal(1L, await ScalarAsync<long>(
            $"SELECT n FROM number_counts WHERE project_id = {project} AND status = {(short)NumberStatus.Converted}"));
    }

    [Theory]
    [InlineData("one request")]
    [InlineData("two requests in order")]
    [InlineData("two requests, the later call first")]
    public async Task A_sale_and_a_later_callback_leave_the_number_converted_however_the_requests_group_them(string grouping)
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Grouping " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phone = NewPhone();
        var number = await AddNumberAsync(project, phone);
        var saleAt = DateTimeOffset.UtcNow.AddMinutes(-20);
        var sale = Event(phone, result: "sale", startedAt: saleAt);
        var callback = Event(phone, result: "callback", startedAt: saleAt.AddMinutes(10));

        switch (grouping)
        {
            case "one request":
                await IngestAsync(sale, callback);
                break;
            case "two requests in order":
                await IngestAsync(sale);
                await IngestAsync(callback);
                break;
            default:
                await IngestAsync(callback);
                await IngestAsync(sale);
                break;
        }

        Assert.Equal((short)NumberStatus.Converted, await ScalarAsync<short>($"SELECT status FROM numbers WHERE id = {number}"));
        Assert.Equal(saleAt.ToUnixTimeSeconds(), await ScalarAsync<long>($"SELECT floor(extract(epoch FROM converted_at))::bigint FROM numbers WHERE id = {number}"));
        Assert.Equal(2, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
    }

    [Theory]
    [InlineData("busy,sale,callback,-", "Converted")]
    [InlineData("busy,callback,no_answer,-", "NoAnswer")]
    [InlineData("busy,-,callback,-", "Callback")]
    public async Task The_same_calls_give_the_same_number_however_they_are_grouped_and_ordered(string results, string expected)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        // Ten minutes apart; "-" is a call without a result.
        var calls = results.Split(',').Select((r, i) => (Result: r == "-" ? null : r, Minutes: i * 10)).ToArray();
        var groupings = new List<int[][]> { new[] { new[] { 0, 1, 2, 3 } } };
        for (var cut = 1; cut < calls.Length; cut++)
            groupings.Add([Enumerable.Range(0, cut).ToArray(), Enumerable.Range(cut, calls.Length - cut).ToArray()]);
        foreach (var order in Permutations([0, 1, 2, 3]))
            groupings.Add(order.Select(i => new[] { i }).ToArray());

        var seen = new HashSet<string>();
        foreach (var grouping in groupings)
        {
            var project = (await ProjectSeeder.InsertAsync(database, "Order " + Guid.NewGuid().ToString("N")[..6], 1))[0];
            var phone = NewPhone();
            var number = await AddNumberAsync(project, phone);
            foreach (var request in grouping)
                await IngestAsync([.. request.Select(i => Event(phone, result: calls[i].Result, startedAt: start.AddMinutes(calls[i].Minutes)))]);
            seen.Add(await ScalarAsync<string>(
                $"SELECT concat_ws(' ', status, attempts, talk_seconds, extract(epoch FROM last_call_at)::bigint, extract(epoch FROM converted_at)::bigint) FROM numbers WHERE id = {number}"));
        }

        var state = Assert.Single(seen);
        Assert.StartsWith($"{(short)Enum.Parse<NumberStatus>(expected)} 4 ", state);
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(first => Permutations(items.Where(i => i != first).ToArray()).Select(rest => (int[])[first, .. rest]));

    [Fact]
    public async Task Ringing_and_answered_events_are_not_attempts()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Ringing " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phone = NewPhone();
        var number = await AddNumberAsync(project, phone);

        await IngestAsync(Event(phone, CallEventType.Ringing), Event(phone, CallEventType.Answered));

        Assert.Equal(0, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
        var timeline = await new CallEventQueries(database.DataSource).TimelineAsync(project, number, 10, CancellationToken.None);
        Assert.Equal(2, timeline.Count);
    }

    [Fact]
    public async Task Listeners_hear_of_stored_events_after_commit_before_linking_and_can_read_their_toasts()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Notify " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var phone = NewPhone();
        var number = await AddNumberAsync(project, phone);
        await using var listener = await database.DataSource.OpenConnectionAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {CallEventStore.NotificationChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        // Only stored: a toast does not wait for the linker, which may be running behind.
        await _store.AcceptAsync([Event(phone), Event(NewPhone())], CancellationToken.None);
        try
        {
            await listener.WaitAsync(TimeSpan.FromSeconds(10));
            await AssertToastAsync(payloads, project, number, phone);
        }
        finally
        {
            await _store.LinkAllPendingAsync(1000, CancellationToken.None); // the other tests count what they link
        }
    }

    private async Task AssertToastAsync(List<string> payloads, long project, long number, string phone)
    {
        var notice = System.Text.Json.JsonDocument.Parse(Assert.Single(payloads)).RootElement;
        var ids = notice.GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()).ToArray();
        var projects = notice.GetProperty("projects").EnumerateArray().Select(i => i.GetInt64()).ToArray();
        var numbers = notice.GetProperty("numbers").EnumerateArray().Select(i => i.GetInt64()).ToArray();
        Assert.Equal([project], projects);
        Assert.Equal([number], numbers);
        var toasts = await new CallEventQueries(database.DataSource).ToastsAsync(notice.GetProperty("at").GetDateTimeOffset(),
            ids, projects, numbers, CancellationToken.None);
        var toast = Assert.Single(toasts);
        Assert.Equal((project, number, phone), (toast.ProjectId, toast.NumberId, toast.Phone));
        Assert.Equal(0, await ScalarAsync<int>($"SELECT attempts FROM numbers WHERE id = {number}"));
    }
}
