using PhoneCrm.Data.Schema;

namespace PhoneCrm.Tests.Data.Schema;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("NormalizedUserName", "normalized_user_name")]
    [InlineData("IpAddress", "ip_address")]
    [InlineData("HTMLBody", "html_body")]
    [InlineData("Sha256Hash", "sha256_hash")]
    [InlineData("already_snake", "already_snake")]
    public void Property_names_become_snake_case(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
}
