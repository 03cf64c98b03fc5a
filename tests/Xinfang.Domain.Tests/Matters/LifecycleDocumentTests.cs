using Xinfang.Domain.Matters;
using static Xinfang.Domain.Matters.MatterStatus;
using A = Xinfang.Domain.Matters.MatterAction;
using P = Xinfang.Domain.Matters.Party;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>
/// The transition table as LIFECYCLE.md "Transitions" (and API.md "Who") write it, typed out by hand: the code's table
/// must equal it row for row, so a wrong row in the code fails here instead of being copied into its own expectation.
/// Where Xinfang reads the documents more narrowly, the row says why.
/// </summary>
public sealed class LifecycleDocumentTests
{
    private const P Unit = P.UnitHandler | P.UnitHead;

    private static readonly (A Action, MatterStatus[] From, MatterStatus? To, P Who)[] Document =
    [
        (A.Transfer, [Registered], Transferred, P.Registrar),
        (A.Assign, [Registered], Assigned, P.Registrar),
        // "Bureau or unit" from registered, transferred and assigned: the bureau routes at its disposal (第二十二条);
        // once a unit holds the matter, classifying it into a statutory route is that unit's duty (第三十一条).
        (A.Route, [Registered], Routed, P.Registrar),
        (A.Route, [Transferred, Assigned], Routed, P.UnitHandler),
        (A.Refer, [Registered], Referred, P.Registrar),
        (A.Decline, [Registered], Declined, P.Registrar),
        (A.SelfHandle, [Registered], Accepted, P.Registrar),
        (A.Accept, [Transferred, Assigned], Accepted, P.UnitHandler),
        (A.Objection, [Transferred, Assigned], Registered, P.UnitHandler),
        // "Unit (approved by its head)": the head approves, so the head records it.
        (A.Extend, [Accepted], null, P.UnitHead),
        // "Unit, reviewer": the unit while it handles, the review and recheck bodies while they decide.
        (A.Log, [Accepted], null, Unit),
        (A.Log, [UnderReview], null, P.ReviewHandler | P.ReviewHead),
        (A.Log, [UnderRecheck], null, P.RecheckHandler | P.RecheckHead),
        (A.Conclude, [Accepted], Concluded, Unit),
        (A.ApproveConclusion, [Accepted], Concluded, P.UnitHead),
        // "Any state with an undelivered notice", by whoever issued it.
        (A.Deliver, Enum.GetValues<MatterStatus>(), null, P.Registrar | Unit | P.ReviewHandler | P.ReviewHead | P.RecheckHandler | P.RecheckHead),
        // Issue 12: "a correction is a new notice that references the one it corrects", "a reissue is an explicit
        // action" — by whoever issued the notice, in any state, as for delivery.
        (A.Reissue, Enum.GetValues<MatterStatus>(), null, P.Registrar | Unit | P.ReviewHandler | P.ReviewHead | P.RecheckHandler | P.RecheckHead),
        // "concluded (outcome 支持)": and while a review or recheck of it runs, since the opinion stands until changed
        // (第三十二条第二款); never once archived — archiving waits for it instead.
        (A.Implement, [Concluded, UnderReview, Reviewed, UnderRecheck, Rechecked], null, P.UnitHandler),
        (A.Evaluate, [Concluded, Reviewed, Rechecked], null, P.Petitioner),
        (A.RequestReview, [Concluded], UnderReview, P.Petitioner),
        (A.ConcludeReview, [UnderReview], Reviewed, P.ReviewHead),
        (A.RequestRecheck, [Reviewed], UnderRecheck, P.Petitioner),
        (A.Hearing, [UnderRecheck], null, P.RecheckHead),
        (A.ConcludeRecheck, [UnderRecheck], Rechecked, P.RecheckHead),
        // "a late request is declined with a notice": the bureau records the request that came after the window.
        // The bureau records a late request made in person; a late request made on the public portal is refused by the
        // system at once, so the petitioner reads the notice where they asked (第三十五条、第三十六条).
        (A.DeclineLateRequest, [Concluded, Reviewed, Closed], null, P.Registrar | P.System),
        (A.Close, [Concluded, Reviewed], Closed, P.Registrar | P.System),
        // Issue 15: "obvious spam can be marked as such and is still kept and counted" — by the registrar, at disposal;
        // the mark is reversed by the bureau's supervisor, so one person's mark is checked by another.
        (A.MarkSpam, [Registered], null, P.Registrar),
        (A.UnmarkSpam, [Registered], null, P.Supervisor),
    ];

    [Fact]
    public void The_code_has_exactly_the_rows_of_the_document()
    {
        static string Row(A action, IEnumerable<MatterStatus> from, MatterStatus? to, P who) =>
            $"{action}: {string.Join("|", from.Order())} -> {to?.ToString() ?? "same"} by {who}";

        var document = Document.Select(r => Row(r.Action, r.From, r.To, r.Who)).Order().ToList();
        var code = Lifecycle.Table.Select(t => Row(t.Action, t.From, t.To, t.Who)).Order().ToList();

        Assert.Equal(document, code);
    }
}
