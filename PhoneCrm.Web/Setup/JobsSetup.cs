using PhoneCrm.Web.Features.Metrics;
using PhoneCrm.Web.Jobs;
using Quartz;

namespace PhoneCrm.Web.Setup;

public static class JobsSetup
{
    public static void AddCrmJobs(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DataSetup.ConnectionStringName)!;
        var housekeepingCron = builder.Configuration["Crm:Jobs:HousekeepingCron"] is { Length: > 0 } cron
            ? cron
            : "0 17 3 * * ?";
        var conversionSeconds = builder.Configuration.GetValue("Crm:Jobs:ConversionRollupSeconds", 60);

        builder.AddQuartz(quartz =>
        {
            // Tables come from Migrations/0005_quartz_job_store.sql; clustering makes each firing run on one
            // instance only, and the store keeps triggers across restarts.
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(clustering => clustering.CheckinInterval = TimeSpan.FromSeconds(10));
            });
            quartz.AddJobListener<JobMetricsListener>();
            quartz.ScheduleJob<HousekeepingJob>(trigger => trigger
                .WithIdentity(HousekeepingJob.TriggerName)
                .WithCronSchedule(housekeepingCron));
            quartz.ScheduleJob<RollupConversionsJob>(trigger => trigger
                .WithIdentity(RollupConversionsJob.TriggerName)
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(conversionSeconds)).RepeatForever()));
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddScoped<HousekeepingService>();
        builder.Services.AddSingleton<PhoneCrm.Data.Conversions.ConversionRollup>();
    }
}
