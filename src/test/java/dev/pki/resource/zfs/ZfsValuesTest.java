package dev.pki.resource.zfs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Declared values against what {@code zfs get -p} reports after {@code zfs set} (observed on zfs-fuse). */
class ZfsValuesTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "compression | on         | on             | true",
            "compression | on         | off            | false",
            "compression | gzip-6     | gzip           | true",
            "compression | gzip-9     | gzip           | false",
            "compression | ON         | on             | false",
            "quota       | 1536M      | 1610612736     | true",
            "quota       | 1G         | 1073741824     | true",
            "quota       | 1g         | 1073741824     | true",
            "quota       | 1GB        | 1073741824     | true",
            "quota       | 1.5G       | 1610612736     | true",
            "quota       | none       | 0              | true",
            "quota       | 2G         | 1073741824     | false",
            "recordsize  | 64K        | 65536          | true",
            "copies      | 2          | 2              | true",
            "mountpoint  | /mnt/x/    | /mnt/x         | true",
            "mountpoint  | /          | /              | true",
            "mountpoint  | /mnt/x     | /mnt/y         | false",
            "pki:note    | hello      | hello          | true",
    })
    void same_comparesAsZfsReports(String property, String declared, String actual, boolean expected) {
        assertEquals(expected, ZfsValues.same(property, declared, actual));
    }
}
