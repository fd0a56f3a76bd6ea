/** The {@code directory} and {@code file} resource types: paths with owner, group, mode and (files) content. */
package dev.pki.resource.files;
