using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Each field error of <see cref="Registration.Register"/>, with its stable code and the field it names.</summary>
public sealed class RegistrationErrorTests
{
    private static readonly DateOnly Today = D("2025-03-10");

    private static readonly Dictionary<string, (string Field, Func<RegistrationInput, RegistrationInput> Break)> Cases = new()
    {
        ["matter.received-in-future"] = ("receivedOn", i => i with { ReceivedOn = Today.AddDays(1) }),
        ["matter.received-too-early"] = ("receivedOn", i => i with { ReceivedOn = D("1999-12-31") }),
        ["matter.petitioner-required"] = ("petitioners", i => i with { Petitioners = [] }),
        ["matter.too-many-petitioners"] = ("petitioners", i => i with { Petitioners = [.. Enumerable.Range(1, 51).Select(n => Registrations.Person(n))], Headcount = 51 }),
        ["matter.too-many-representatives"] = ("petitioners", i => i with { Petitioners = [.. Enumerable.Range(1, 6).Select(n => Registrations.Person(n, representative: true))], Headcount = 6 }),
        ["matter.petitioner-name-required"] = ("petitioners[0].name", i => i with { Petitioners = [new PetitionerInput("  ")] }),
        ["id-number.check-digit"] = ("petitioners[0].idNumber", i => i with { Petitioners = [new PetitionerInput("张三", "610114198005171234")] }),
        ["phone.invalid"] = ("petitioners[0].phone", i => i with { Petitioners = [new PetitionerInput("张三", Phone: "12345")] }),
        ["matter.address-too-long"] = ("petitioners[0].address", i => i with { Petitioners = [new PetitionerInput("张三", Address: new string('路', 201))] }),
        ["matter.headcount-invalid"] = ("headcount", i => i with { Headcount = 0 }),
        ["matter.collective-headcount"] = ("headcount", i => i with { Flags = [MatterFlag.Collective], Headcount = 4 }),
        ["matter.title-required"] = ("title", i => i with { Title = new string('题', 101) }),
        ["matter.content-required"] = ("content", i => i with { Content = " \n " }),
        ["matter.content-too-long"] = ("content", i => i with { Content = new string('字', 10_001) }),
        ["matter.demands-required"] = ("demands", i => i with { Demands = ["  "] }),
        ["matter.demands-too-long"] = ("demands", i => i with { Demands = [new string('求', 501)] }),
        ["matter.demands-duplicated"] = ("demands", i => i with { Demands = ["补发补偿款", " 补发补偿款 "] }),
        ["matter.category-not-found"] = ("categoryCode", i => i with { CategoryCode = "99" }),
        ["matter.location-invalid"] = ("locationUnitId", i => i with { LocationUnitId = Org.Department.Id }),
        ["matter.accused-not-allowed"] = ("accused", i => i with { Accused = new AccusedInput("李四") }),
        ["matter.superior-required"] = ("superior.number", i => i with { Channel = Channel.Superior }),
        ["matter.superior-due-invalid"] = ("superior.dueOn", i => i with { Channel = Channel.Superior, Superior = new SuperiorAssignment("市信转〔2025〕8号", D("2025-03-02")) }),
    };

    public static TheoryData<string> Codes => [.. Cases.Keys];

    private static Result<(Matter Matter, MatterChange Change)> Register(RegistrationInput input) =>
        Registration.Register(input, "610114-2025-000001", "hash", Org.Bureau.Id, Org.Context(Org.Registrar, Today));

    [Theory]
    [MemberData(nameof(Codes))]
    public void A_broken_field_is_refused_with_its_code_and_field(string code)
    {
        var (field, breakIt) = Cases[code];

        var error = Register(breakIt(Registrations.Valid())).Error!;

        Assert.Equal((code, ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal([field], error.Fields!.Keys);
    }

    [Fact]
    public void The_valid_form_registers()
    {
        Assert.True(Register(Registrations.Valid()).IsSuccess);
    }

    [Fact]
    public void A_headcount_below_the_petitioners_named_is_refused()
    {
        var input = Registrations.Valid() with { Petitioners = [Registrations.Person(1), Registrations.Person(2)], Headcount = 1 };

        Assert.Equal("matter.headcount-invalid", Register(input).Error!.Code);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var input = Registrations.Valid() with { ReceivedOn = Today.AddDays(1), Title = "", Content = "", Petitioners = [new PetitionerInput("")] };

        var error = Register(input).Error!;

        Assert.Equal("matter.received-in-future", error.Code);
        Assert.Equal(["receivedOn", "petitioners[0].name", "title", "content"], error.Fields!.Keys);
        Assert.All(error.Fields.Values.SelectMany(m => m), message => Assert.Contains(message, error.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_from_the_taxonomy_is_accepted()
    {
        var context = Org.Context(Org.Registrar, Today) with { Categories = new HashSet<string> { "0101" } };

        var registered = Registration.Register(Registrations.Valid() with { CategoryCode = "0101" }, "610114-2025-000001", "hash", Org.Bureau.Id, context);

        Assert.Equal("0101", registered.Value.Matter.CategoryCode);
    }
}
