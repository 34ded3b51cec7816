using System.ComponentModel.DataAnnotations;

namespace PhoneCrm.Web.Features.Account;

public sealed class ChangePasswordModel
{
    [Required] public string CurrentPassword { get; set; } = "";
    [Required] public string NewPassword { get; set; } = "";
    [Required] public string ConfirmPassword { get; set; } = "";
}
