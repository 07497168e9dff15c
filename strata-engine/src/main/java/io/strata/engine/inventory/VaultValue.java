package io.strata.engine.inventory;

/**
 * A value tagged {@code !vault}: encrypted with Ansible Vault, known only by its ciphertext. Two
 * vault values are equal when their ciphertexts are; a new ciphertext may hold any value.
 *
 * @param ciphertext the {@code $ANSIBLE_VAULT;...} text as written, line breaks included
 */
public record VaultValue(String ciphertext) {

    @Override
    public String toString() {
        return "!vault";
    }
}
