using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace KoreaTimeline.CssTrim;

/// <summary>
/// The string literals of a component library's components that an app uses, read from the library's IL (no loading,
/// no list kept by hand). From each named component it follows what the component's code can render or call into:
/// its base types, its nested types (lambdas, state machines) and every component of the library its IL names (as
/// <c>OpenComponent&lt;T&gt;</c>, <c>typeof</c>, a field, a method); the literals of other types of the library that
/// this code calls are read too, without following them further. MudBlazor writes its classes from such literals.
/// </summary>
public sealed class ComponentLiterals
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private readonly MetadataReader metadata;
    private readonly PEReader pe;
    private readonly TypeDefinitions typeArguments;
    private readonly Dictionary<TypeDefinitionHandle, bool> componentTypes = [];

    private ComponentLiterals(PEReader pe)
    {
        this.pe = pe;
        metadata = pe.GetMetadataReader();
        typeArguments = new TypeDefinitions();
    }

    /// <summary>The components found, by full name, sorted.</summary>
    public IReadOnlyList<string> Components { get; private set; } = [];

    /// <summary>Every literal of the code read, in a stable order.</summary>
    public IReadOnlyList<string> Literals { get; private set; } = [];

    /// <summary>Reads the library at <paramref name="assemblyPath"/> from the components named (simple names, e.g. <c>MudButton</c>).</summary>
    public static ComponentLiterals Read(string assemblyPath, IEnumerable<string> componentNames)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = new ComponentLiterals(pe);
        reader.Collect(componentNames);
        return reader;
    }

    private void Collect(IEnumerable<string> componentNames)
    {
        var wanted = new HashSet<string>(componentNames, StringComparer.Ordinal);
        var queue = new Queue<TypeDefinitionHandle>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                continue;
            }
            var name = metadata.GetString(type.Name);
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (wanted.Contains(tick < 0 ? name : name[..tick]) && IsComponent(handle))
            {
                queue.Enqueue(handle);
            }
        }
        var followed = new HashSet<TypeDefinitionHandle>();
        var readOnly = new HashSet<TypeDefinitionHandle>();
        var literals = new SortedSet<string>(StringComparer.Ordinal);
        var components = new SortedSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var handle = queue.Dequeue();
            if (!followed.Add(handle))
            {
                continue;
            }
            var type = metadata.GetTypeDefinition(handle);
            if (IsComponent(handle) && type.GetDeclaringType().IsNil)
            {
                components.Add(FullName(type));
            }
            foreach (var nested in type.GetNestedTypes())
            {
                queue.Enqueue(nested);
            }
            foreach (var baseType in Types(type.BaseType))
            {
                queue.Enqueue(baseType);
            }
            foreach (var referenced in ReadMethods(type, literals))
            {
                if (IsComponent(referenced))
                {
                    queue.Enqueue(referenced);
                }
                else if (!followed.Contains(referenced) && readOnly.Add(referenced))
                {
                    ReadMethods(metadata.GetTypeDefinition(referenced), literals);
                }
            }
        }
        Components = [.. components];
        Literals = [.. literals];
    }

    /// <summary>Adds the literals of a type's method bodies; returns the library's types they name.</summary>
    private HashSet<TypeDefinitionHandle> ReadMethods(TypeDefinition type, SortedSet<string> literals)
    {
        var referenced = new HashSet<TypeDefinitionHandle>();
        foreach (var methodHandle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(methodHandle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }
                switch (Operands.GetValueOrDefault(code, OperandType.InlineNone))
                {
                    case OperandType.InlineString:
                        literals.Add(metadata.GetUserString(MetadataTokens.UserStringHandle(il.ReadInt32() & 0xFFFFFF)));
                        break;
                    case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                        referenced.UnionWith(Types(MetadataTokens.EntityHandle(il.ReadInt32())).Where(t => !t.IsNil));
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        // Read the count before moving: "il.Offset += 4 * il.ReadInt32()" would read Offset first.
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineNone:
                        break;
                    default:
                        il.Offset += 4;
                        break;
                }
            }
        }
        return referenced;
    }

    /// <summary>The library's types a metadata handle names: the type, a member's declaring type, generic arguments.</summary>
    private IEnumerable<TypeDefinitionHandle> Types(EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return [];
        }
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [(TypeDefinitionHandle)handle];
            case HandleKind.TypeSpecification:
                return metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(typeArguments, metadata);
            case HandleKind.MethodDefinition:
                return [metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()];
            case HandleKind.FieldDefinition:
                return [metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()];
            case HandleKind.MemberReference:
                return Types(metadata.GetMemberReference((MemberReferenceHandle)handle).Parent);
            case HandleKind.MethodSpecification:
                var spec = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Types(spec.Method).Concat(spec.DecodeSignature(typeArguments, metadata).SelectMany(t => t));
            default:
                return [];
        }
    }

    /// <summary>Whether a type derives from Blazor's <c>ComponentBase</c>.</summary>
    private bool IsComponent(TypeDefinitionHandle handle)
    {
        if (componentTypes.TryGetValue(handle, out var known))
        {
            return known;
        }
        componentTypes[handle] = false;
        var baseHandle = metadata.GetTypeDefinition(handle).BaseType;
        var result = false;
        if (baseHandle.IsNil)
        {
            // An interface or System.Object.
        }
        else if (baseHandle.Kind == HandleKind.TypeReference)
        {
            var reference = metadata.GetTypeReference((TypeReferenceHandle)baseHandle);
            result = metadata.StringComparer.Equals(reference.Name, "ComponentBase")
                && metadata.StringComparer.Equals(reference.Namespace, "Microsoft.AspNetCore.Components");
        }
        else if (baseHandle.Kind == HandleKind.TypeDefinition)
        {
            result = IsComponent((TypeDefinitionHandle)baseHandle);
        }
        else if (baseHandle.Kind == HandleKind.TypeSpecification)
        {
            // A generic base (MudBaseInput<T>): GENERICINST, CLASS, then the generic type's own handle.
            var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)baseHandle).Signature);
            if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
            {
                blob.ReadSignatureTypeCode();
                var generic = blob.ReadTypeHandle();
                result = generic.Kind == HandleKind.TypeDefinition && IsComponent((TypeDefinitionHandle)generic);
            }
        }
        componentTypes[handle] = result;
        return result;
    }

    private string FullName(TypeDefinition type) => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);

    /// <summary>Decodes a signature to the type definitions of this assembly it names (external types name none).</summary>
    private sealed class TypeDefinitions : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        private static readonly ImmutableArray<TypeDefinitionHandle> None = [];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => None;

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(t => t));

        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) => None;

        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
    }
}
