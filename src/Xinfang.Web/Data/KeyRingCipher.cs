using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Xinfang.Web.Data;

/// <summary>
/// The Data Protection keys sign and encrypt the session cookies and bearer tokens. They are kept in the database, so
/// that several servers share them; stored in the clear, anyone with a copy of the database could forge a session.
/// They are encrypted with the identifier key ring (<see cref="IdentifierCipher"/>), which is never in the database.
/// </summary>
public sealed class KeyRingEncryptor(IdentifierCipher cipher) : IXmlEncryptor
{
    public const string Element = "xinfangEncryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(Element, new XComment(" Encrypted with the identifier key ring: SECURITY.md "),
            new XElement("value", cipher.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting)))), typeof(KeyRingDecryptor));
}

/// <summary>Made by Data Protection for each stored key it reads (it passes the service provider to this constructor).</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<IdentifierCipher>().Unprotect((string?)encryptedElement.Element("value")
                                                                                 ?? throw new InvalidOperationException("An encrypted Data Protection key has no value.")));
}
