using Npgsql;

namespace PhoneCrm.Data;

/// <summary>The one way the app (and its tests and benchmarks) builds its PostgreSQL data source.</summary>
public static class CrmDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Queries on the partitioned numbers table cost more to plan than to run (the planner considers every
        // partition); reusing prepared statements keeps grid pages and phone lookups at a millisecond or two.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }
        // A custom plan for a phone lookup plans all partitions again each time (tens of milliseconds at a
        // few hundred projects); the generic plan is planned once and prunes at run time.
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c plan_cache_mode=force_generic_plan";
        return new NpgsqlDataSourceBuilder(builder.ConnectionString) { Name = "crm" }.Build();
    }
}
