namespace CartStream.Generator.Catalog;

/// <summary>A subcategory and the kinds of item sold in it (the nouns of product names).</summary>
internal sealed record SubcategoryTemplate(string Name, string[] Items);
