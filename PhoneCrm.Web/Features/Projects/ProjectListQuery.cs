namespace PhoneCrm.Web.Features.Projects;

public sealed record ProjectListQuery(
    string? Search = null,
    long? SupplierId = null,
    long? GeoId = null,
    int Skip = 0,
    int Take = 20);
