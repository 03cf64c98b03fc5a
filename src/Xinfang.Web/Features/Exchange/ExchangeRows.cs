using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Exchange;

/// <summary>
/// A stored row as JSON and back, column by column from the EF model: enums and JSON columns through their converters
/// (so as the database keeps them, whichever the provider), everything else as System.Text.Json writes it. Written
/// from the model rather than by hand so that a column added to a matter travels in the package without a second list.
/// </summary>
internal static class ExchangeRows
{
    public static JsonObject Write(EntityEntry entry, params string[] skip)
    {
        var row = new JsonObject();
        foreach (var property in entry.Properties)
        {
            if (!skip.Contains(property.Metadata.Name))
            {
                row[property.Metadata.Name] = Value(property.Metadata, property.CurrentValue);
            }
        }

        return row;
    }

    private static JsonNode? Value(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var provider = Converter(property) is { } converter ? converter.ConvertToProvider(value) : value;
        return provider is null ? null : JsonSerializer.SerializeToNode(provider, provider.GetType(), MatterJson.Options);
    }

    /// <summary>A new entity of <typeparamref name="T"/> from its row, added to the context (its shadow columns set once tracked).</summary>
    public static T Add<T>(XinfangDb db, JsonObject row) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        var entity = (T)(Activator.CreateInstance(typeof(T), nonPublic: true) ?? throw new InvalidOperationException($"{typeof(T)} cannot be created."));
        var shadow = new List<(IProperty Property, object? Value)>();
        foreach (var property in type.GetProperties())
        {
            if (!row.TryGetPropertyValue(property.Name, out var node))
            {
                continue;
            }

            var value = Read(property, node);
            if (property.IsShadowProperty())
            {
                shadow.Add((property, value));
            }
            else
            {
                switch (property.GetMemberInfo(forMaterialization: true, forSet: true))
                {
                    case FieldInfo field: field.SetValue(entity, value); break;
                    case PropertyInfo info: info.SetValue(entity, value); break;
                }
            }
        }

        var entry = db.Add(entity);
        foreach (var (property, value) in shadow)
        {
            entry.Property(property.Name).CurrentValue = value;
        }

        return entity;
    }

    /// <summary>
    /// The converter whose stored form travels: enums and JSON columns. A text-to-text converter is the identifier
    /// cipher (IdentifierCipher), whose ciphertext only this installation's key ring opens: those travel as plain text
    /// and are encrypted again by the receiving database as it stores them.
    /// </summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter(IProperty property) =>
        property.GetValueConverter() is { } converter && !(converter.ModelClrType == typeof(string) && converter.ProviderClrType == typeof(string)) ? converter : null;

    private static object? Read(IProperty property, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var converter = Converter(property);
        var value = node.Deserialize(converter?.ProviderClrType ?? property.ClrType, MatterJson.Options);
        return converter is null || value is null ? value : converter.ConvertFromProvider(value);
    }
}
