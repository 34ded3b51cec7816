using System.ComponentModel.DataAnnotations;

namespace PhoneCrm.Web.Features.Account;

public sealed class LoginModel
{
    [Required]
    public string UserName { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}
