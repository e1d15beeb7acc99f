package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 3.1.1} or {@code 5} (also {@code 5.0}): the versions the generator speaks. */
final class MqttVersionConverter implements ITypeConverter<MqttVersion> {
    @Override
    public MqttVersion convert(String value) {
        return switch (value.trim()) {
            case "3.1.1", "4" -> MqttVersion.V3_1_1;
            case "5", "5.0" -> MqttVersion.V5;
            default -> throw new TypeConversionException("expected 3.1.1 or 5, was '" + value + "'");
        };
    }
}
