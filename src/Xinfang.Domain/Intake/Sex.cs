namespace Xinfang.Domain.Intake;

// As encoded in the resident identity number (GB 11643-1999): odd sequence digit male, even female.
public enum Sex
{
    Male,
    Female,
}
