namespace CartStream.Generator.People;

/// <summary>Names and mail domains customers are made of.</summary>
internal static class PersonNames
{
    public static readonly string[] First =
    [
        "James", "Mary", "Liam", "Emma", "Noah", "Olivia", "Lucas", "Sophie", "Mateo", "Lucia", "Hugo", "Chloe",
        "Jonas", "Mia", "Lars", "Ingrid", "Marco", "Giulia", "Pedro", "Ana", "Tomasz", "Zofia", "Daniel", "Sara",
        "Kenji", "Yuki", "Arjun", "Priya", "Oliver", "Charlotte", "Elias", "Hannah", "Diego", "Camila", "Finn",
        "Amelia", "Nikos", "Eleni", "Jack", "Grace", "Rahul", "Aisha", "Leon", "Clara", "Mateus", "Julia",
    ];

    public static readonly string[] Last =
    [
        "Smith", "Johnson", "Brown", "Garcia", "Martin", "Bernard", "Muller", "Schmidt", "Rossi", "Russo",
        "Silva", "Santos", "Jansen", "de Vries", "Peeters", "Nowak", "Kowalski", "Andersson", "Nilsson",
        "Virtanen", "Papadopoulos", "Murphy", "Kelly", "Tanaka", "Suzuki", "Sharma", "Patel", "Wilson",
        "Taylor", "Lopez", "Hernandez", "Fischer", "Weber", "Dubois", "Moreau", "Costa", "Ferreira", "Novak",
        "Lindqvist", "Walsh", "Nguyen", "Kim", "Clarke", "Evans", "Romano", "Gruber",
    ];

    public static readonly string[] ConsumerDomains =
    [
        "gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
        "proton.me", "gmx.de", "web.de", "orange.fr", "libero.it", "mail.com", "aol.com",
    ];

    public static readonly string[] CompanySuffixes = ["trading", "group", "works", "labs", "partners", "studio", "supply"];

    public static readonly string[] CompanyTlds = ["com", "co.uk", "de", "fr", "io", "net", "eu"];
}
