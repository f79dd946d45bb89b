using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Identity;

namespace Ondermijning.Api.Pages;

public sealed class UitloggenModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Ondermijning.Api.Identity.SignIn.CookieScheme);
        return Redirect("/inloggen");
    }
}
