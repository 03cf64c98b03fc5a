using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Matters;

/// <summary>A person (or organisation) who brought the matter. ID numbers and phones are stored normalised, shown masked.</summary>
public sealed class Petitioner
{
    private Petitioner()
    {
        Name = "";
    }

    public Petitioner(Guid id, int order, string name, string? idNumber, string? phone, string? address, bool isRepresentative, Sex? sex, DateOnly? birthDate)
    {
        Id = id;
        Order = order;
        Name = name;
        IdNumber = idNumber;
        Phone = phone;
        Address = address;
        IsRepresentative = isRepresentative;
        Sex = sex;
        BirthDate = birthDate;
    }

    public Guid Id { get; private set; }

    public Guid MatterId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    public string? IdNumber { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public bool IsRepresentative { get; private set; }

    public Sex? Sex { get; private set; }

    public DateOnly? BirthDate { get; private set; }
}
