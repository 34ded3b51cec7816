using Microsoft.AspNetCore.Components.Authorization;

namespace PhoneCrm.Web.Features.Shared;

/// <summary>Reads the signed-in user of the current circuit.</summary>
public sealed class CurrentUserAccessor(AuthenticationStateProvider authentication, ClientConnection connection)
{
    public async Task<CurrentUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return CurrentUser.From(state.User, connection);
    }
}
