using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Pages;

/// <summary>
/// The reporter's page, without sign-in: the receipt code gives the coarse status and the feedback, nothing else. Limited
/// per client address with the API's lookups (both count against one limit), so the page is no way around it. The code
/// is posted, not put in the address, so that it stays out of browser history and server logs.
/// </summary>
[EnableRateLimiting(ReceiptEndpoints.LookupPolicy)]
public sealed class MeldingModel(Receipts receipts, DataScope scope) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public ReceiptView? Found { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code) || TextRule.Check(Code, ReceiptCode.MaxTyped, TextKind.SingleLine, out _) is not null)
            return Refused("Vul de ontvangstcode in zoals die op uw ontvangstbewijs staat: twintig tekens in groepjes van vijf.");
        // The code, not a municipality, decides what the reporter may see.
        scope.Widen();
        try
        {
            Found = await receipts.LookUpAsync(Code, cancellationToken);
            return Page();
        }
        catch (EngineProblem problem) when (problem.Kind == ProblemKind.NotFound)
        {
            return Refused("Met deze code vinden we geen melding. Controleer de code; hoofdletters en streepjes maken niet uit.");
        }
    }

    private PageResult Refused(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static string StatusText(ReceiptStatus status) => status switch
    {
        ReceiptStatus.Ontvangen => "Ontvangen: uw melding is binnengekomen en wordt bekeken.",
        ReceiptStatus.Afgehandeld => "Afgehandeld: de behandeling van uw melding is afgerond.",
        _ => "In behandeling: er wordt met uw melding gewerkt.",
    };
}
